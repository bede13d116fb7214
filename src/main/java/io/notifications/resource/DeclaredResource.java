package io.notifications.resource;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A resource as its controller declares it.
 *
 * @param basePath e.g. {@code /api/spaces/coworkernotifications}
 * @param requestType the writable fields as a client sends them
 * @param recordType the record as GET answers it
 */
public record DeclaredResource(String name, String basePath, Class<?> entityType, Class<? extends Record> requestType,
		Class<? extends Record> recordType, Map<String, String> filterAliases, String example) {

	@SuppressWarnings("unchecked")
	static DeclaredResource of(Class<?> controller) {
		ApiResource resource = AnnotatedElementUtils.findMergedAnnotation(controller, ApiResource.class);
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
		if (resource == null || mapping == null || mapping.path().length != 1) {
			throw new IllegalStateException(
					controller.getSimpleName() + " needs @ApiResource and a @RequestMapping with one base path");
		}
		String basePath = mapping.path()[0];
		if (!basePath.startsWith("/api/") || basePath.endsWith("/")) {
			throw new IllegalStateException("A base path starts with /api/ and has no trailing slash: " + basePath);
		}
		Map<String, String> aliases = new LinkedHashMap<>();
		for (String alias : resource.filterAliases()) {
			String[] names = alias.split("=", 2);
			aliases.put(names[0].strip(), names[1].strip());
		}
		ResolvableType types = ResolvableType.forClass(controller).as(ResourceController.class);
		return new DeclaredResource(resource.name(), basePath, types.getGeneric(0).resolve(),
				(Class<? extends Record>) types.getGeneric(1).resolve(),
				(Class<? extends Record>) types.getGeneric(2).resolve(), Map.copyOf(aliases), resource.example());
	}

	/** The key of its fixtures in ephemeral mode. */
	public String key() {
		return this.basePath.substring(this.basePath.lastIndexOf('/') + 1);
	}

}
