package io.github.codeartifact.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata that spring-boot-autoconfigure-processor writes at compile time, which Boot reads to
 * skip auto-configurations early. Missing when the processor does not run, as on JDK 23 and later
 * with the processor on the class path rather than the compiler's processor path.
 */
class AutoConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-autoconfigure-metadata.properties";

	@Test
	void everyAutoConfigurationOfTheStarterHasGeneratedMetadata() throws IOException {
		ClassLoader classLoader = getClass().getClassLoader();
		List<String> ours = ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((candidate) -> candidate.startsWith("io.github.codeartifact."))
			.toList();
		assertThat(ours).as("auto-configurations in AutoConfiguration.imports").isNotEmpty();
		Properties metadata = new Properties();
		for (URL url : Collections.list(classLoader.getResources(METADATA))) {
			metadata.putAll(PropertiesLoaderUtils.loadProperties(new UrlResource(url)));
		}
		assertThat(metadata.stringPropertyNames()).as(METADATA).containsAll(ours);
	}

}
