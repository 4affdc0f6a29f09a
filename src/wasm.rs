//! The WebAssembly binding: the one module JS reaches the core through.
