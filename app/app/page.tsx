import { redirect } from "next/navigation";

export default function SignedInHome() {
  redirect("/app/today");
}
