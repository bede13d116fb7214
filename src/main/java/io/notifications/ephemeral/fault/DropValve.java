package io.notifications.ephemeral.fault;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request that a {@code Drop} fault took, once the application
 * is done with it and before anything of an answer is sent: the servlet API has no way to
 * close a connection, Tomcat's own action does.
 */
final class DropValve extends ValveBase {

	private static final String DROP = DropValve.class.getName() + ".drop";

	DropValve() {
		super(true);
	}

	/** Marks the request's connection to be closed without an answer. */
	static void drop(HttpServletRequest request) {
		request.setAttribute(DROP, Boolean.TRUE);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		if (request.getAttribute(DROP) != null) {
			// as a client abort: when the request was handled by an async dispatch (its
			// body came after the headers), Tomcat reports any other closing as an error,
			// with its error page
			response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, new ClientAbortException("Dropped by a fault"));
		}
	}

}
