package io.notifications.web;

/** Validation group of the constraints only for an update (PUT), such as the Id's. */
public interface OnUpdate {

}
