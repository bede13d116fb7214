/**
 * Nexudus's SystemNotification resource: platform incidents and announcements.
 */
package io.notifications.systemnotification;
