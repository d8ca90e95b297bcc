package org.oko.forum;

import java.util.List;

/** A question as its reader sees it: the answers and files it may see, and what it may do. */
record QuestionView(
    Question question,
    List<Answer> answers,
    List<ForumFile> files,
    String readerLogin,
    boolean canAnswer,
    boolean canModerate,
    boolean canAccept) {}
