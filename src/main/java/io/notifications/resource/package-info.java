/**
 * The machinery every resource shares: a resource is declared once as an
 * {@link ApiResource} bean, and this package gives it its routes, its transactions and
 * its store.
 */
package io.notifications.resource;
