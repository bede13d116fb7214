/**
 * Authentication and authorization as Nexudus has them: bearer JWTs from
 * {@code /api/token} (or an external identity provider), HTTP Basic, and
 * {@code {Resource}-{Action}} roles.
 */
package io.notifications.security;
