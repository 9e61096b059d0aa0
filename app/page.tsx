import { IntentLink } from "@/components/shell/intent-link";
import { PublicHeader } from "@/components/shell/public-header";
import { getSessionUserId } from "@/lib/auth/session";

const FEATURES = [
  {
    title: "Facts with their sources",
    text: "Every fact comes from an official statement, a news report or exam notes, quoted word for word and dated, so you can always check it.",
  },
  {
    title: "Questions in Prelims formats",
    text: "Statement-based (which are correct, how many are correct), match the pairs, Statement-I/Statement-II and single-answer MCQs, each explained.",
  },
  {
    title: "Reviews that stick",
    text: "Flashcards scheduled by FSRS spaced repetition bring each fact back just before you would forget it.",
  },
  {
    title: "Ready on exam day",
    text: "Set your exam date: Smriti shows your predicted recall on that day, topic by topic, and the daily work that gets you there.",
  },
];

export default async function LandingPage() {
  const signedIn = Boolean(await getSessionUserId());
  return (
    <>
      <PublicHeader signedIn={signedIn} />
      <main id="main" className="container">
        <section className="hero" aria-labelledby="hero-title">
          <h1 id="hero-title">Current affairs for UPSC, practised until they stick.</h1>
          <p>
            Smriti turns source documents, such as the India-Japan 2+2 joint statements, into sourced facts, Prelims-style
            questions and flashcards, and schedules your daily practice with spaced repetition.
          </p>
          <div className="actions">
            <IntentLink className="button" href={signedIn ? "/app/today" : "/signup"}>
              {signedIn ? "Continue studying" : "Start practising free"}
            </IntentLink>
            {!signedIn && (
              <IntentLink className="button button-secondary" href="/signin">
                I have an account
              </IntentLink>
            )}
          </div>
        </section>
        <section aria-label="What Smriti does" className="feature-grid">
          {FEATURES.map((feature) => (
            <article key={feature.title} className="card">
              <h2>{feature.title}</h2>
              <p className="muted">{feature.text}</p>
            </article>
          ))}
        </section>
      </main>
    </>
  );
}
