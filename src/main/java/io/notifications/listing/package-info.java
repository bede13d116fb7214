/**
 * Nexudus's list and batch-read machinery shared by the resources: paging, ordering and
 * filter parameters turned into Spring Data specifications, and the list body.
 */
package io.notifications.listing;
