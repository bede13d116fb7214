package io.notifications.connection;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.notifications.web.Envelope;
import io.notifications.web.FailureMessages;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope instead of Tomcat's HTML page, for the errors Tomcat answers before the
 * application sees a request (a missing {@code Host}, two {@code Content-Length}s, ...).
 */
class EnvelopeErrorReportValve extends ErrorReportValve {

	private static final Log logger = LogFactory.getLog(EnvelopeErrorReportValve.class);

	private final JsonMapper jsonMapper;

	EnvelopeErrorReportValve(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (logger.isDebugEnabled()) {
			// one line: any client can cause these at will (Http11Processor's report,
			// with its stack trace, is off in application.properties)
			String reason = (throwable != null) ? throwable.getMessage() : response.getMessage();
			logger.debug("Refused a malformed request (" + status + "): " + reason);
		}
		write(this.jsonMapper, response, status);
	}

	static void write(JsonMapper jsonMapper, Response response, int status) {
		try {
			// UTF-8 with no charset in the Content-Type, as every other JSON answer
			response.setContentType("application/json");
			response.getOutputStream()
				.write(jsonMapper.writeValueAsBytes(Envelope.failure(status, FailureMessages.forStatus(status))));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response has begun: nothing more to tell it
		}
	}

}
