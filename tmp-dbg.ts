import path from "node:path";
import { checkContent } from "@/lib/content/check";
import { buildBank } from "@/lib/content/generate/build";
import { loadContent } from "@/lib/content/load";
const bank = buildBank(checkContent(loadContent(path.resolve("content"))), "x");
const hm = bank.items.filter((i) => i.type === "statements-how-many");
for (const i of hm) console.log(i.factIds.length, i.options.find((o) => o.id === i.answer)!.text, i.topic.split(" > ").slice(1).join(">"));
