// /console/setup?token=…: the one-time link printed on the server's first start.
import { SignInPage } from "./SignInPage";

export default function SetupPage() {
  const token = new URLSearchParams(location.search).get("token") ?? undefined;
  return <SignInPage setupToken={token} />;
}
