package io.github.codeartifact.autoconfigure;

import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.NoUniqueBeanDefinitionException;

/**
 * Thrown when the CodeArtifact client needs an AWS SDK provider bean (credentials or region) and
 * finds several, none of them {@code @Primary}. {@link NoUniqueAwsProviderFailureAnalyzer} turns it
 * into a failure analysis that names the beans and the ways out.
 */
class NoUniqueAwsProviderException extends RuntimeException {

	private final Class<?> type;

	private final List<String> beanNames;

	NoUniqueAwsProviderException(Class<?> type, NoUniqueBeanDefinitionException cause) {
		super("Expected one " + type.getSimpleName() + " bean or a @Primary one, but found "
				+ cause.getNumberOfBeansFound() + ": " + cause.getBeanNamesFound(), cause);
		this.type = type;
		Collection<String> found = cause.getBeanNamesFound();
		this.beanNames = (found != null) ? found.stream().sorted().toList() : List.of();
	}

	Class<?> getType() {
		return this.type;
	}

	List<String> getBeanNames() {
		return this.beanNames;
	}

}
