package io.notifications.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Deletes expired {@code Idempotency-Key}s every {@code notifications.idempotency.prune-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfig implements SchedulingConfigurer {

	private final IdempotencyKeys keys;

	private final IdempotencyProperties properties;

	IdempotencyConfig(IdempotencyKeys keys, IdempotencyProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.keys::prune, this.properties.pruneInterval());
	}

}
