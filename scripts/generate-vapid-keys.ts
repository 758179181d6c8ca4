// Prints a new VAPID key pair for web push (issue 12), as lines for the environment:
//   npm run push:keys >> .env        (or set them in the host's secret store)
// Keep the private key secret; changing the pair invalidates every device's subscription.
import webpush from "web-push";

const keys = webpush.generateVAPIDKeys();
console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}`);
console.log(`VAPID_PRIVATE_KEY=${keys.privateKey}`);
console.log("VAPID_SUBJECT=mailto:betrieb@example.org");
