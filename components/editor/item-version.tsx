import type { ReactNode } from "react";
import type { Option } from "@/lib/content/bank";

export type ShownItem = { prompt: string; options: Option[]; answer: string; explanation: string };

/**
 * An item as the learner sees it, with its key marked: one side of a before/after comparison, or the reported
 * item in the editor's queue (`children` follow the explanation).
 */
export function ItemVersion({ item, heading, className = "item-version", children }: { item: ShownItem; heading: string; className?: string; children?: ReactNode }) {
  return (
    <section className={className || undefined} aria-label={heading}>
      <h3>{heading}</h3>
      <p className="reported-prompt">{item.prompt}</p>
      {item.options.length > 0 ? (
        <ul className="reported-options">
          {item.options.map((option) => (
            <li key={option.id} className={option.id === item.answer ? "reported-key" : undefined}>
              <strong>({option.id})</strong> {option.text}
              {option.id === item.answer && <span className="key-label"> key</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <strong>Answer:</strong> {item.answer}
        </p>
      )}
      <p>
        <strong>Explanation:</strong> {item.explanation}
      </p>
      {children}
    </section>
  );
}
