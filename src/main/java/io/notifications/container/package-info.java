/**
 * The container's tools, run from the image's {@code app.jar}: the health check that
 * needs nothing but the JDK ({@link io.notifications.container.HealthProbe}), and the
 * training run of the ahead-of-time cache
 * ({@link io.notifications.container.StartupTraining}).
 */
package io.notifications.container;
