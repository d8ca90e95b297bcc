package org.oko.forum;

import static org.oko.platform.web.ApiTimes.utc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oko.api.model.ForumAnswer;
import org.oko.api.model.ForumAttachment;
import org.oko.api.model.ForumAuthor;
import org.oko.api.model.ForumQuestion;
import org.oko.api.model.ForumQuestionStatus;
import org.oko.api.model.ForumQuestionSummary;
import org.oko.api.model.ForumSearchHit;
import org.oko.api.model.ForumSection;
import org.oko.api.model.ForumSectionInput;
import org.oko.api.model.Role;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The forum's domain records as the contract's types. */
final class ForumMapper {

  private static final int EXCERPT = 240;

  private ForumMapper() {}

  static ForumSection section(Section s) {
    return new ForumSection(
            s.id(), s.title(), s.delegated(), s.position(), s.questions(), s.openQuestions())
        .campaignId(s.campaignId());
  }

  static ForumQuestionSummary summary(Question q, String readerLogin) {
    return new ForumQuestionSummary(
            q.id(),
            q.sectionId(),
            q.sectionTitle(),
            q.title(),
            excerpt(q.body()),
            author(q.author(), readerLogin),
            ForumQuestionStatus.fromValue(q.status()),
            q.answers(),
            q.pinned(),
            q.locked(),
            q.hidden(),
            utc(q.createdAt()),
            utc(q.lastActivityAt()))
        .campaignId(q.campaignId())
        .regionalThread(q.regionalThread());
  }

  static ForumQuestion question(QuestionView v) {
    Question q = v.question();
    List<ForumAnswer> answers =
        v.answers().stream()
            .map(a -> answer(a, v.files(), q.acceptedAnswerId(), v.readerLogin()))
            .toList();
    return new ForumQuestion(
            q.id(),
            q.sectionId(),
            q.sectionTitle(),
            q.title(),
            q.body(),
            author(q.author(), v.readerLogin()),
            ForumQuestionStatus.fromValue(q.status()),
            q.pinned(),
            q.locked(),
            q.hidden(),
            v.files().stream()
                .filter(f -> f.answerId() == null)
                .map(ForumMapper::attachment)
                .toList(),
            answers,
            utc(q.createdAt()),
            v.canAnswer(),
            v.canModerate(),
            v.canAccept())
        .campaignId(q.campaignId())
        .regionalThread(q.regionalThread())
        .mergedIntoId(q.mergedIntoId())
        .acceptedAnswerId(q.acceptedAnswerId());
  }

  static ForumAnswer answer(Answer a, List<ForumFile> files, Long accepted, String readerLogin) {
    return new ForumAnswer(
        a.id(),
        a.questionId(),
        a.body(),
        author(a.author(), readerLogin),
        accepted != null && accepted == a.id(),
        a.hidden(),
        files.stream()
            .filter(f -> f.answerId() != null && f.answerId() == a.id())
            .map(ForumMapper::attachment)
            .toList(),
        utc(a.createdAt()));
  }

  static ForumSearchHit hit(SearchHit h) {
    return new ForumSearchHit(
            h.questionId(),
            h.title(),
            h.excerpt(),
            h.sectionTitle(),
            ForumQuestionStatus.fromValue(h.status()),
            utc(h.createdAt()))
        .answerId(h.answerId())
        .campaignId(h.campaignId());
  }

  static ForumAttachment attachment(ForumFile f) {
    return new ForumAttachment(f.id(), f.fileName(), f.size());
  }

  private static ForumAuthor author(Author a, String readerLogin) {
    return new ForumAuthor(Role.fromValue(a.role()), a.login().equals(readerLogin))
        .regionCode(a.regionCode())
        .regionName(a.regionName());
  }

  private static String excerpt(String body) {
    return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "…";
  }

  /** The answer {@code answerId} of a question as its reader sees it. */
  static ForumAnswer answerIn(QuestionView v, long answerId) {
    return v.answers().stream()
        .filter(a -> a.id() == answerId)
        .findFirst()
        .map(a -> answer(a, v.files(), v.question().acceptedAnswerId(), v.readerLogin()))
        .orElseThrow();
  }

  static int position(ForumSectionInput in) {
    return in.getPosition() == null ? 0 : in.getPosition();
  }

  /** A file to download under its own name. */
  static ResponseEntity<Resource> download(ForumFile f, Resource content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(f.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(content);
  }
}
