// The quiz operations, one per file; routes, pages and tests import them from here.
export { analyseQuiz, type AnalysedQuestion, type QuizAnalysis } from "./analysis";
export { answerQuestion, type AnswerInput, type AnswerReply, type WithheldAnswerReply } from "./answer";
export { dailyQuiz } from "./daily";
export { finishQuiz } from "./finish";
export { startPracticeQuiz, unfinishedPracticeQuiz, type PracticeRequest } from "./practice";
export { largestPaper } from "./paper";
export { markForReview, type ReviewMarkReply } from "./review-mark";
export { startQuizClock } from "./start-clock";
export { quizView, type AnswerResult, type QuizMode, type QuizQuestionView, type QuizView } from "./view";
