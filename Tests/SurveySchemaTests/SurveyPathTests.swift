import Testing
@testable import SurveySchema

@Suite struct SurveyPathTests {
    @Test func rendering() {
        #expect(SurveyPath.root.description == "(top level)")
        let path = SurveyPath.root.appending("indicators").appending(1).appending("children").appending(0).appending("scale")
        #expect(path.description == "indicators[1].children[0].scale")
        #expect(SurveyPath.root.appending("scales").appending("5 point").appending("points").description == #"scales["5 point"].points"#)
        #expect(SurveyPath.root.appending("scales").appending("sat-5").description == #"scales["sat-5"]"#)
        #expect(SurveyPath.root.appending("title").appending("vi").description == "title.vi")
        #expect(SurveyPath([.index(2)]).description == "[2]")
    }
}
