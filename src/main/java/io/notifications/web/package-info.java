/**
 * The Nexudus wire format shared by the resources: the envelope, the request binding with
 * its validation, and the translation of every failure into the envelope.
 */
package io.notifications.web;
