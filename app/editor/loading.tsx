import { PageLoading } from "@/components/shell/route-states";

export default function Loading() {
  return <PageLoading what="the page" />;
}
