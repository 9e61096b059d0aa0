// The quiz operations, one per file; routes, pages and tests import them from here.
export { answerQuestion, type AnswerInput, type AnswerReply } from "./answer";
export { dailyQuiz } from "./daily";
export { finishQuiz } from "./finish";
export { startPracticeQuiz, unfinishedPracticeQuiz, type PracticeRequest } from "./practice";
export { startQuizClock } from "./start-clock";
export { quizView, type AnswerResult, type QuizMode, type QuizQuestionView, type QuizView } from "./view";
