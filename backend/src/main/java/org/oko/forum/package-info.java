/**
 * The support forum (Форум поддержки): sections per campaign and a general forum, questions from
 * organizers and answers from the federal organizer (or a region, where a section is delegated),
 * every one visible to all organizers of the campaign; regional threads; search (Russian full text
 * and trigram); moderation; attachments. Publishes {@link org.oko.forum.QuestionAsked} and {@link
 * org.oko.forum.QuestionAnswered}.
 */
package org.oko.forum;
