/**
 * What every resource shares: a resource is a controller that extends
 * {@link ResourceController} and carries its {@link ApiResource} declaration; this
 * package gives it its handlers, its operations and its repository's base.
 */
package io.notifications.resource;
