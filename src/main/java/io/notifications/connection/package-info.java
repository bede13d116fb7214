/**
 * Bounded time and memory per connection: request bodies are received without holding a
 * request thread and within a deadline, Tomcat's connection limits, and the envelope for
 * the errors that Tomcat raises before the application sees a request.
 */
package io.notifications.connection;
