package io.notifications.web;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.notifications.value.WireValues;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The Jackson mapper that reads request records with the contract's value rules. A JSON
 * string goes through {@link WireValues}, as list filters and form fields do, because
 * Jackson reads text its own way (it trims {@code " 5"}, takes {@code "+5"}, wants an
 * offset on an {@link Instant}, keeps NUL and lone surrogates).
 */
final class WireBinding {

	private static final Map<Class<?>, Function<String, ?>> TEXT_RULES = Map.of(String.class, WireValues::toText,
			Integer.class, WireValues::toInt, Boolean.class, WireValues::toBoolean, Instant.class,
			WireValues::toDateTime);

	/**
	 * Jackson reads an {@link Instant} from a number as epoch seconds, and neither its
	 * leniency nor a coercion config turns that off.
	 */
	private static final Set<Class<?>> TEXT_ONLY = Set.of(Instant.class);

	private WireBinding() {
	}

	static JsonMapper mapper() {
		SimpleModule wireValues = new SimpleModule("wire-values").setDeserializerModifier(new TextRules());
		return JsonMapper.builder()
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			// every request record: Jackson skips unknown properties before any problem
			// handler sees them
			.addMixIn(Record.class, IgnoreUnknown.class)
			.addModule(wireValues)
			.build();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private interface IgnoreUnknown {

	}

	private static final class TextRules extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
				ValueDeserializer<?> deserializer) {
			Function<String, ?> rule = TEXT_RULES.get(beanDesc.getBeanClass());
			return (rule != null) ? new TextRule(deserializer, rule, TEXT_ONLY.contains(beanDesc.getBeanClass()))
					: deserializer;
		}

	}

	/**
	 * A string that breaks the rule is a "weird string value", which the
	 * problem-collecting reader records against its property.
	 */
	private static final class TextRule extends DelegatingDeserializer {

		private final Function<String, ?> rule;

		private final boolean textOnly;

		TextRule(ValueDeserializer<?> jackson, Function<String, ?> rule, boolean textOnly) {
			super(jackson);
			this.rule = rule;
			this.textOnly = textOnly;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
			return new TextRule(newDelegatee, this.rule, this.textOnly);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return this.textOnly ? ctxt.handleUnexpectedToken(handledType(), p) : super.deserialize(p, ctxt);
			}
			String text = p.getString();
			try {
				return this.rule.apply(text);
			}
			catch (IllegalArgumentException ex) {
				return ctxt.handleWeirdStringValue(handledType(), text, ex.getMessage());
			}
		}

	}

}
