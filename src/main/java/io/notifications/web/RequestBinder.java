package io.notifications.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.exc.CollectedProblem;
import tools.jackson.databind.exc.DeferredBindingException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Turns a request body into a validated request record the way Nexudus reads it,
 * reporting every failing property at once, in component order. The body is read strictly
 * as a tree, then bound with {@link WireBinding}'s problem-collecting reader.
 * Hand-written where Jackson cannot: refusing {@code "Id"} beside {@code "id"}, dropping
 * ignored properties, and going on past failures that end a read (a wrong token, a
 * refused coercion, an int out of range).
 */
@Component
public class RequestBinder {

	private final JsonMapper treeMapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		// raw control characters reach the string rule, so a NUL names its property
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.build();

	private final JsonMapper bindingMapper = WireBinding.mapper();

	private final ClassValue<RequestShape> shapes = new ClassValue<>() {
		@Override
		protected RequestShape computeValue(Class<?> type) {
			return RequestShape.of(type, RequestBinder.this.bindingMapper);
		}
	};

	private final Validator validator;

	public RequestBinder(Validator validator) {
		this.validator = validator;
	}

	public <T extends Record> T bind(byte[] body, Class<T> type, Set<String> ignored, Class<?>... groups) {
		String text = StrictUtf8.decode(body);
		if (text == null) {
			throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON);
		}
		JsonNode tree;
		try {
			tree = this.treeMapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON, ex);
		}
		if (tree instanceof ObjectNode object) {
			return bind(object, type, ignored, groups);
		}
		throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON);
	}

	/** With the same rules as a JSON body; the object is not changed. */
	public <T extends Record> T bind(ObjectNode properties, Class<T> type, Set<String> ignored, Class<?>... groups) {
		RequestShape shape = this.shapes.get(type);
		SentProperties sent = SentProperties.of(properties, shape, ignored);
		T request = type.cast(read(shape, sent));
		for (ConstraintViolation<T> violation : this.validator.validate(request, withDefault(groups))) {
			int index = shape.indexOfComponent(firstPropertyName(violation.getPropertyPath()));
			Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
			boolean required = constraint == NotNull.class || constraint == NotBlank.class;
			sent.fail(index, required ? SentProperties.Failure.REQUIRED : SentProperties.Failure.CONSTRAINT,
					violation.getMessage());
		}
		List<ErrorItem> errors = sent.errors();
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return request;
	}

	/** Each value a JSON string, to meet the rules of JSON strings; an empty one null. */
	public static ObjectNode textFields(Map<String, String> fields) {
		ObjectNode properties = JsonNodeFactory.instance.objectNode();
		fields.forEach((name, value) -> properties.set(name,
				value.isEmpty() ? properties.nullNode() : properties.stringNode(value)));
		return properties;
	}

	/**
	 * Leaves out each property that Jackson cannot bind and reads again; each round
	 * leaves out at least one, so the rounds are bounded.
	 */
	private static Object read(RequestShape shape, SentProperties sent) {
		while (true) {
			try {
				return shape.reader().readValueCollectingProblems(shape.reader().treeAsTokens(sent.bound()));
			}
			catch (DeferredBindingException ex) {
				List<String> names = new ArrayList<>();
				for (CollectedProblem problem : ex.getProblems()) {
					names.add(problem.getPath().getMatchingProperty());
				}
				sent.leaveOut(names, ex);
			}
			catch (JacksonException ex) {
				sent.leaveOut(ex.getPath().isEmpty() ? List.of() : List.of(ex.getPath().get(0).getPropertyName()), ex);
			}
		}
	}

	private static Class<?>[] withDefault(Class<?>[] groups) {
		Class<?>[] all = new Class<?>[groups.length + 1];
		all[0] = Default.class;
		System.arraycopy(groups, 0, all, 1, groups.length);
		return all;
	}

	private static String firstPropertyName(Path path) {
		for (Path.Node node : path) {
			if (node.getName() != null) {
				return node.getName();
			}
		}
		throw new IllegalStateException("A request constraint must name a property: " + path);
	}

}
