// Routes the accessibility, projector and slide tests walk.

/** Every scene, with its main variants; a step in the middle so the drawings are filled. */
export const ROUTES = [
  '#/architecture',
  '#/architecture?net=data',
  '#/layers?model=5',
  '#/layers?model=4',
  '#/encapsulation?step=6',
  '#/encapsulation?proto=udp&step=6',
  '#/lan?view=switch&step=12',
  '#/lan?view=storm&step=40',
  '#/lan?view=router&step=16',
  '#/tcp?step=14',
  '#/tcp?variant=tcp_loss&step=20',
  '#/tcp?variant=refused&step=6',
  '#/tcp?variant=udp&step=6',
  '#/addresses',
  '#/capture',
];
