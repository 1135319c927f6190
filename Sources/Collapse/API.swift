// The entry points of the Collapse module (implemented in the files named beside each):
//
// - `Analyzer.analyze(_ network: Network, options: AnalysisOptions = .init()) -> Analysis`
//   (Analyzer.swift): the verdict with its evidence.
// - `Evaluator.evaluate(_ network: Network, at x: [Rational], precision: Int = 128) throws(EvaluationError) -> [ExactValue]`
//   and `Evaluator.trace(...) -> [[ExactValue]]` (index 0 is the input, then each layer's
//   output) (Evaluator.swift): exact layer-by-layer evaluation, enclosures where
//   transcendental.
// - `PropertyCheck.run(_ network: Network, analysis: Analysis, trials: Int, seed: UInt64, options: AnalysisOptions = .defaults) -> PropertyCheckSummary`
//   (PropertyCheck.swift): the verdict property-tested at random rational points.
// - `RandomNetwork.make(inputs: Int, layers: Int, width: Int, activation: Activation, seed: UInt64) -> Network`
//   (RandomNetwork.swift): a random spec with small rational weights.
