/**
 * Value types and the wire-value rules every input shares, free of the web and
 * persistence layers so that both may use them.
 */
package io.notifications.value;
