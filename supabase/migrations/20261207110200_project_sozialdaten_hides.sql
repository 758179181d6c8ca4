-- Gemeinsame Projekte, part 3: report and hide (20261206120100) for the texts of a project.
--
-- Two more subjects: 'project' (the idea's texts, author: the lead Träger) and 'project_update'
-- (a workspace post, author: the partner Träger that posted it). A hidden idea is hidden from the
-- circle but stays readable for the project's partners (they work on it; the lead revises it); a
-- hidden update is hidden from the other partners. The four dispatching functions of
-- 20261206120100 (sozialdaten_subject, report_sozialdaten, sozialdaten_subject_texts,
-- revise_hidden_text) carry a branch per project subject in their current definition,
-- 20261207140000_hide_meeting_texts.sql.
-- Comments, tasks, links and key dates are short and screened by the database triggers; they are
-- not reportable (decision 017).

create policy "an idea hidden for Sozialdaten is seen only by the project's partners"
  on public.projects as restrictive for select to authenticated
  using (id <> all ((select private.hidden_subject_id_array('project'))::uuid[])
         or id = any ((select private.workspace_project_id_array())::uuid[]));
create policy "an update hidden for Sozialdaten is seen only by the posting Träger"
  on public.project_updates as restrictive for select to authenticated
  using (id <> all ((select private.hidden_subject_id_array('project_update'))::uuid[]));
-- Comments under a hidden update go with it.
create policy "the comments of a hidden update are hidden with it"
  on public.project_comments as restrictive for select to authenticated
  using (update_id <> all ((select private.hidden_subject_id_array('project_update'))::uuid[]));
