/**
 * Authentication of Spring's HTTP clients ({@code RestClient}, {@code RestTemplate},
 * {@code WebClient}) to CodeArtifact repositories with the refreshed token, opt-in per client.
 */
@NullMarked
package io.github.codeartifact.http;

import org.jspecify.annotations.NullMarked;
