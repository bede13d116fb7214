/**
 * Value types and the wire-value rules that every input shares (JSON bodies, list filters
 * and form fields), with no dependency on the web or persistence layers so both may use
 * them.
 */
package io.notifications.value;
