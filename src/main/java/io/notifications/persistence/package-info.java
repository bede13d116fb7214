/**
 * Persistence shared by the resources: the server-managed fields of every record.
 */
package io.notifications.persistence;
