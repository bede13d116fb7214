package io.notifications.support;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.notifications.resource.Action;
import io.notifications.resource.ApiResource;
import io.notifications.resource.Needs;
import io.notifications.resource.ResourceController;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Every operation the resources declare, read from the declarations as the server reads
 * them: each {@link ApiResource} controller's base path and each
 * {@link ResourceController} handler's mapping and {@link Needs}. The role-matrix tests
 * send these, so a resource or an operation added to the code is tested without a line
 * here.
 */
public final class DeclaredOperations {

	private DeclaredOperations() {
	}

	/**
	 * An operation of a resource, sent against one existing record whose Id replaces
	 * {@code {id}}.
	 *
	 * @param resource the resource's name
	 * @param action what the operation does, and so the role it needs
	 * @param method the HTTP method
	 * @param path the path, and the query a batch read needs
	 * @param body the JSON body of a write, from the declaration's example; null without
	 * one
	 */
	public record Operation(String resource, Action action, String method, String path, String body) {

		/** The role the operation needs besides the Administrator. */
		public String role() {
			return this.action.on(this.resource);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " (" + role() + ")";
		}

	}

	/**
	 * The controllers annotated with {@link ApiResource} under {@code io.notifications},
	 * by name.
	 */
	public static List<Class<?>> controllers() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ApiResource.class));
		List<Class<?>> controllers = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.notifications")) {
			controllers.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
		}
		controllers.sort(Comparator.comparing(Class::getName));
		return controllers;
	}

	/** The declared name of a resource controller. */
	public static String name(Class<?> controller) {
		return AnnotatedElementUtils.findMergedAnnotation(controller, ApiResource.class).name();
	}

	/** The operations of every declared resource. */
	public static List<Operation> all() {
		return controllers().stream().flatMap((controller) -> of(controller).stream()).toList();
	}

	/** The operations of one resource controller. */
	public static List<Operation> of(Class<?> controller) {
		ApiResource resource = AnnotatedElementUtils.findMergedAnnotation(controller, ApiResource.class);
		String base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class).path()[0];
		List<Operation> operations = new ArrayList<>();
		List<Method> handlers = new ArrayList<>(List.of(ResourceController.class.getDeclaredMethods()));
		handlers.sort(Comparator.comparing(Method::getName));
		for (Method handler : handlers) {
			Needs needs = AnnotatedElementUtils.findMergedAnnotation(handler, Needs.class);
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler, RequestMapping.class);
			if (needs == null || mapping == null) {
				continue;
			}
			String query = List.of(mapping.params()).contains("id") ? "?id=%5B{id}%5D" : "";
			for (RequestMethod method : mapping.method()) {
				String body = switch (method) {
					case PUT -> """
							{"Id":{id},%s}""".formatted(resource.example());
					case POST -> "{" + resource.example() + "}";
					default -> null;
				};
				for (String path : (mapping.path().length > 0) ? mapping.path() : new String[] { "" }) {
					operations
						.add(new Operation(resource.name(), needs.value(), method.name(), base + path + query, body));
				}
			}
		}
		return operations;
	}

}
