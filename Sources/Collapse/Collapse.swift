// The Collapse module; see Package.swift for its place in the dependency chain.
