package io.notifications.testing;

import java.time.Instant;

/**
 * One request of the server's journal ({@code GET /ephemeral/requests}, CONTRACT.md section 7), with
 * the contract's fields under their names in camel case.
 *
 * @param sequence counts up from 1 for the life of the server, never restarts (not after a reset)
 * @param time when the server received it, by the server's clock
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the raw query string as received (not decoded), or {@code null} when there was none
 * @param caller the authenticated user's email, {@code null} when authentication failed or was absent
 * @param scheme the scheme of the {@code Authorization} header ({@code Bearer}, {@code Basic}), or
 * {@code null}
 * @param contentType the request's content type, {@code null} without a body
 * @param body the first 65,536 bytes of the body as UTF-8, {@code null} without a body; credentials in
 * the bodies of {@code /api/token} and {@code /api/token/revoke} read {@code ***}
 * @param bodyTruncated whether the body was longer than what {@code body} holds
 * @param status the status answered, 0 for a dropped connection
 * @param durationMs how long the answer took, in milliseconds
 * @param fault the fault rule that answered it, or {@code null}
 */
public record RecordedRequest(long sequence, Instant time, String method, String path, String query, String caller,
		String scheme, String contentType, String body, boolean bodyTruncated, int status, long durationMs,
		AppliedFault fault) {

	/**
	 * The fault rule that answered a request.
	 *
	 * @param id the rule's {@code Id}
	 * @param effect its {@code Effect}: {@code RateLimited}, {@code ServerError}, {@code Unavailable},
	 * {@code Delay} or {@code Drop}
	 */
	public record AppliedFault(long id, String effect) {
	}

	static RecordedRequest from(JsonFields json) {
		JsonFields fault = json.object("Fault");
		return new RecordedRequest(json.wholeRequired("Sequence"), json.instant("Time"), json.string("Method"),
				json.string("Path"), json.string("Query"), json.string("Caller"), json.string("Scheme"),
				json.string("ContentType"), json.string("Body"), json.has("BodyTruncated") && json.bool("BodyTruncated"),
				Math.toIntExact(json.wholeRequired("Status")), json.has("DurationMs") ? json.wholeRequired("DurationMs") : 0,
				(fault != null) ? new AppliedFault(fault.wholeRequired("Id"), fault.string("Effect")) : null);
	}

	/** One line for assertion messages: {@code #12 PUT /api/spaces/coworkernotifications -> 200 by a@example.com}. */
	public String summary() {
		StringBuilder line = new StringBuilder("#").append(this.sequence)
			.append(' ')
			.append(this.method)
			.append(' ')
			.append(this.path);
		if (this.query != null) {
			line.append('?').append(this.query);
		}
		line.append(" -> ").append(this.status);
		if (this.caller != null) {
			line.append(" by ").append(this.caller);
		}
		if (this.fault != null) {
			line.append(" (fault ").append(this.fault.id()).append(' ').append(this.fault.effect()).append(')');
		}
		return line.toString();
	}

}
