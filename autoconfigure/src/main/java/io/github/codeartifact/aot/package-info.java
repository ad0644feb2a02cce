/**
 * Ahead-of-time processing and native images: the runtime hints for what the AWS SDK modules
 * that the starter brings load by reflection, registered in {@code META-INF/spring/aot.factories}.
 */
@NullMarked
package io.github.codeartifact.aot;

import org.jspecify.annotations.NullMarked;
