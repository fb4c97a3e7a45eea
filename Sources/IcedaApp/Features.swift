// The features of the platform, in the order of the navigation, the home page and the migrations.
// Adding a feature: a target under Sources/, its line in Package.swift, and its value here.
import Centres
import Dialogue
import Grants
import Kernel
import Network
import Observatory
import Results
import Trainings

enum Features {
    static let all: [any Feature] = [NetworkFeature(), ObservatoryFeature(), GrantsFeature(), CentresFeature(), TrainingsFeature(), DialogueFeature(), ResultsFeature()]
}
