package io.notifications.web;

/**
 * Validation group of the constraints that apply only to an update (PUT), such as the Id.
 */
public interface OnUpdate {

}
