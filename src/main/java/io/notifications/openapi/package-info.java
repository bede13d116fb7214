/**
 * The published OpenAPI 3.1 document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): springdoc's reading of the controllers, completed with the
 * contract's statuses, envelope, list parameters, security schemes and examples.
 */
package io.notifications.openapi;
