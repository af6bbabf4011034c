// The umbrella module: `import SatKit` makes every satkit library available.
@_exported import SurveySchema
@_exported import SurveyStatistics
@_exported import SurveyData
@_exported import SurveySample
@_exported import SatisfactionIndex
@_exported import SurveyReport
