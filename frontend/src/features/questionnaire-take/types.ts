/** One answer as the API takes it: see `QuestionType`. */
export type Answer = string | number | string[] | Record<string, string>;

/** Question key → answer; a missing key is an unanswered question. */
export type Answers = Record<string, Answer>;

/** Question key → answer to send; null clears an answer on the server. */
export type AnswersPatch = Record<string, Answer | null>;
