/**
 * Personal notifications (the bell): a store per account with read/unread, fed by events through
 * Kafka (an answer to my question, a new question in a section I answer, a publication released to
 * me, a form returned to me, a deadline tomorrow, reports released), pushed live over the {@code
 * live} socket, and ready for a mail or SMS {@link org.oko.notifications.NotificationSender}.
 */
package org.oko.notifications;
