package org.oko.publications;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.oko.platform.blob.BlobStore;
import org.oko.platform.excel.OfficeFileGuard;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.oko.platform.web.UnsupportedTypeException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Routes the entries of an uploaded zip to organizations: {@code variants/edu640001.zip} goes to
 * the organization with login {@code edu640001}. The whole archive is checked before anything is
 * kept — names, types, logins against the publication's audience, what the entries really unpack to
 * (the sizes in the archive's headers are never trusted), and each Office file inside like a single
 * attachment ({@link OfficeFileGuard}) — and refused as a whole with every bad entry named. The
 * result is one unpacked temporary file per organization.
 */
@Component
class ArchiveRouter {

  static final int MAX_ENTRIES = 100_000;

  /** One organization's file, unpacked to {@code temp}. */
  record RoutedFile(long organizationId, String fileName, Path temp) {}

  /** An entry whose name passed: where it goes, still packed. */
  private record Entry(String name, String fileName, String login, FileType type) {}

  private final ArchiveAudienceStore audience;
  private final BlobStore blobs;

  ArchiveRouter(ArchiveAudienceStore audience, BlobStore blobs) {
    this.audience = audience;
    this.blobs = blobs;
  }

  /** The routed files; on any error every temporary file made here is already deleted. */
  Mono<List<RoutedFile>> route(long publicationId, boolean sampleOnly, Path archive) {
    List<FieldProblem> problems = Collections.synchronizedList(new ArrayList<>());
    return Mono.fromCallable(() -> entries(archive, problems))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            entries ->
                audience
                    .byLogin(publicationId, entries.stream().map(Entry::login).toList())
                    .flatMap(
                        organizations ->
                            unpack(
                                archive,
                                routable(entries, organizations, sampleOnly, problems),
                                organizations,
                                problems)));
  }

  /** The entries whose names can be routed; the others are added to {@code problems}. */
  private static List<Entry> entries(Path archive, List<FieldProblem> problems) throws IOException {
    try (ZipFile zip = open(archive)) {
      if (zip.size() > MAX_ENTRIES) {
        throw new UnprocessableException(
            "file", "В архиве больше " + MAX_ENTRIES + " файлов: разделите его на части");
      }
      List<Entry> entries = new ArrayList<>();
      Map<String, String> byLogin = new HashMap<>();
      for (ZipEntry zipEntry : Collections.list(zip.entries())) {
        if (zipEntry.isDirectory()) {
          continue;
        }
        String name = zipEntry.getName();
        Optional<String> problem = nameProblem(name);
        if (problem.isPresent()) {
          problems.add(FieldProblem.of(name, problem.get()));
          continue;
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        String login = fileName.substring(0, fileName.indexOf('.'));
        Optional<FileType> type = FileType.byName(fileName);
        if (type.isEmpty()) {
          problems.add(FieldProblem.of(name, FileType.forbidden(fileName)));
          continue;
        }
        String earlier = byLogin.putIfAbsent(login, name);
        if (earlier != null) {
          problems.add(
              FieldProblem.of(
                  name, "Для организации " + login + " в архиве уже есть файл «" + earlier + "»"));
          continue;
        }
        entries.add(new Entry(name, fileName, login, type.get()));
      }
      if (entries.isEmpty() && problems.isEmpty()) {
        problems.add(FieldProblem.of("file", "В архиве нет ни одного файла"));
      }
      return entries;
    }
  }

  /** Why an entry's name cannot be routed, if it cannot: it must stay inside the archive. */
  private static Optional<String> nameProblem(String name) {
    if (name.contains("\\") || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      return Optional.of("Недопустимый путь в архиве: «" + name + "»");
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        return Optional.of("Путь «" + name + "» выходит за пределы архива");
      }
    }
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    if (fileName.indexOf('.') <= 0) {
      return Optional.of(
          "Имя файла «"
              + fileName
              + "» должно начинаться с логина организации, например"
              + " edu640001.zip");
    }
    if (!fileName.equals(fileName.replaceAll("[\\p{Cntrl}<>:\"|?*]", ""))) {
      return Optional.of("Недопустимые символы в имени файла «" + fileName + "»");
    }
    return Optional.empty();
  }

  /** The entries whose login is in the audience; the others are added to {@code problems}. */
  private static List<Entry> routable(
      List<Entry> entries,
      Map<String, Long> organizations,
      boolean sampleOnly,
      List<FieldProblem> problems) {
    List<Entry> routable = new ArrayList<>();
    for (Entry entry : entries) {
      if (organizations.containsKey(entry.login())) {
        routable.add(entry);
      } else {
        problems.add(
            FieldProblem.of(
                entry.name(),
                "Организация «"
                    + entry.login()
                    + "» не входит "
                    + (sampleOnly
                        ? "в опубликованную выборку кампании"
                        : "в число адресатов публикации")));
      }
    }
    return routable;
  }

  /**
   * Unpacks every entry to its own temporary file, counting the bytes that really come out: past
   * {@link ArchiveEntryUnpacker#MAX_TOTAL_BYTES} in all the archive is refused at once; an entry
   * that unpacks more than {@link ArchiveEntryUnpacker#MAX_RATIO} times its packed size, or whose
   * content is not of its type, is named. Then, if anything at all was wrong with the archive, it
   * is refused with every problem.
   */
  private Mono<List<RoutedFile>> unpack(
      Path archive,
      List<Entry> entries,
      Map<String, Long> organizations,
      List<FieldProblem> problems) {
    List<RoutedFile> done = Collections.synchronizedList(new ArrayList<>());
    AtomicLong total = new AtomicLong();
    return Flux.using(
            () -> open(archive),
            zip ->
                Flux.fromIterable(entries)
                    .concatMap(
                        entry -> unpackOne(zip, entry, organizations, done, total, problems)),
            ArchiveRouter::closeQuietly)
        .then(
            Mono.fromCallable(
                () -> {
                  refuseIfAny(problems);
                  return List.copyOf(done);
                }))
        .onErrorResume(
            e ->
                Mono.fromRunnable(() -> done.forEach(f -> deleteQuietly(f.temp())))
                    .subscribeOn(Schedulers.boundedElastic())
                    .then(Mono.error(e)));
  }

  /** One entry to its own temporary file, remembered in {@code done} before it is written. */
  private Mono<Void> unpackOne(
      ZipFile zip,
      Entry entry,
      Map<String, Long> organizations,
      List<RoutedFile> done,
      AtomicLong total,
      List<FieldProblem> problems) {
    return blobs
        .tempFile()
        .doOnNext(
            temp ->
                done.add(new RoutedFile(organizations.get(entry.login()), entry.fileName(), temp)))
        .flatMap(
            temp ->
                Mono.<Void>fromRunnable(
                        () ->
                            ArchiveEntryUnpacker.unpack(
                                zip,
                                entry.name(),
                                entry.fileName(),
                                entry.type(),
                                temp,
                                total,
                                problems))
                    .subscribeOn(Schedulers.boundedElastic()));
  }

  private static ZipFile open(Path archive) throws IOException {
    try {
      return new ZipFile(archive.toFile());
    } catch (ZipException e) {
      throw new UnsupportedTypeException("Загруженный файл не является zip-архивом");
    }
  }

  private static void refuseIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new UnprocessableException(
          "Архив не принят: " + problems.size() + " файл(ов) с ошибками", problems);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stray temporary file is swept with the staging directory; nothing to tell the user
    }
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException e) {
      // read-only; nothing was written through it
    }
  }
}
