package io.notifications.security;

import java.util.Enumeration;
import java.util.function.Predicate;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * {@link StrictHttpFirewall}'s header rules as loops: its regular expressions, run on
 * every read of the kilobyte-long {@code Authorization} header (three a request), took a
 * tenth of a GET's CPU (docs/performance.md). {@code HeaderCharactersTests} holds them
 * equal.
 */
final class HeaderCharacters {

	/** The firewall's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
	static final Predicate<String> ASSIGNED_AND_NOT_CONTROL = (text) -> allowed(text, false);

	/** The firewall's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
	static final Predicate<String> HEADER_VALUE = (text) -> allowed(text, true);

	private HeaderCharacters() {
	}

	/**
	 * Parameter values keep the firewall's default, which allows any text. A second
	 * {@code Authorization} or {@code Content-Type} is refused (RFC 9110 sections 11.6.2
	 * and 8.3 allow one): Spring reads the first, and a proxy might check the other.
	 */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall() {

			@Override
			public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
				// the refusal's own error dispatch, to the envelope, carries the same
				// headers
				if (request.getDispatcherType() == DispatcherType.REQUEST) {
					refuseASecond(request, HttpHeaders.AUTHORIZATION);
					refuseASecond(request, HttpHeaders.CONTENT_TYPE);
				}
				return super.getFirewalledRequest(request);
			}

		};
		firewall.setAllowedHeaderNames(ASSIGNED_AND_NOT_CONTROL);
		firewall.setAllowedHeaderValues(HEADER_VALUE);
		firewall.setAllowedParameterNames(ASSIGNED_AND_NOT_CONTROL);
		// a method that no route takes is Spring MVC's 405 with Allow, not a 400: every
		// route and every rule names its methods
		firewall.setUnsafeAllowAnyHttpMethod(true);
		return firewall;
	}

	private static void refuseASecond(HttpServletRequest request, String header) {
		Enumeration<String> values = request.getHeaders(header);
		if (values.hasMoreElements() && values.nextElement() != null && values.hasMoreElements()) {
			throw new RequestRejectedException("More than one " + header + " header");
		}
	}

	private static boolean allowed(String text, boolean tab) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			// printable ASCII: assigned and not a control character
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			boolean permitted = (type != Character.UNASSIGNED && type != Character.CONTROL)
					|| (tab && codePoint == '\t');
			if (!permitted) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
