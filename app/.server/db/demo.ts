export async function printDemoSignIns(_db: unknown, _seeded: boolean) {}
