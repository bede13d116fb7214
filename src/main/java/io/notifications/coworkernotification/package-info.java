/**
 * Nexudus's CoworkerNotification resource: notifications shown to one coworker of a
 * space.
 */
package io.notifications.coworkernotification;
