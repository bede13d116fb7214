package io.notifications.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * The {@code Accept} header, read without the {@code charset} of a JSON type: RFC 8259
 * section 11 defines none ("adding one really has no effect"), and JSON is answered in
 * UTF-8. Spring would otherwise find no converter for another charset, after the handler
 * had run, and answer 500.
 */
class JsonAcceptHeader extends HeaderContentNegotiationStrategy {

	@Override
	public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
		return super.resolveMediaTypes(request).stream().map(JsonAcceptHeader::withoutJsonCharset).toList();
	}

	private static MediaType withoutJsonCharset(MediaType type) {
		boolean json = "json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix());
		if (!json || type.getCharset() == null) {
			return type;
		}
		Map<String, String> parameters = new LinkedHashMap<>(type.getParameters());
		parameters.keySet().removeIf("charset"::equalsIgnoreCase);
		return new MediaType(type.getType(), type.getSubtype(), parameters);
	}

}
