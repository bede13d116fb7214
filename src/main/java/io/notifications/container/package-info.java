/**
 * The container's tools, run from the image's {@code app.jar}: the JDK-only health check
 * and the training run of the ahead-of-time cache.
 */
package io.notifications.container;
